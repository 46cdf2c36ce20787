package dev.smtrain.executor.internal;

import dev.smtrain.SmtrainException;
import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.SortBy;
import dev.smtrain.model.SortOrder;
import dev.smtrain.model.TrainingJobSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Internal: {@code ListTrainingJobs} over an in-memory collection of summaries, with SageMaker's defaults
 * ({@code SortBy=CreationTime}, {@code SortOrder=Ascending}, {@code MaxResults=10}, at most 100) and an
 * opaque offset {@code NextToken}.
 */
public final class JobListings {

  /** SageMaker's default page size. */
  public static final int DEFAULT_MAX_RESULTS = 10;
  /** SageMaker's largest page size. */
  public static final int MAX_MAX_RESULTS = 100;

  private static final String TOKEN_PREFIX = "smtrain-list-v1:";

  private JobListings() {}

  /**
   * One page of the summaries that match the request's filters, in the request's order.
   *
   * @param all every job known
   * @param request filters, sort, page size and token
   * @return the page, with a {@code NextToken} when more follow
   * @throws SmtrainException when {@code MaxResults} is out of range or {@code NextToken} is not one of ours
   */
  public static ListTrainingJobsResponse page(Collection<TrainingJobSummary> all, ListTrainingJobsRequest request) {
    int max = request.maxResults().orElse(DEFAULT_MAX_RESULTS);
    if (max < 1 || max > MAX_MAX_RESULTS) {
      throw new SmtrainException("ListTrainingJobs.MaxResults: must be between 1 and " + MAX_MAX_RESULTS
          + ", was " + max);
    }
    int offset = request.nextToken().map(JobListings::decode).orElse(0);
    List<TrainingJobSummary> matching = sorted(filter(all, request), request);
    int end = Math.min(matching.size(), offset + max);
    List<TrainingJobSummary> page = offset >= matching.size() ? List.of() : matching.subList(offset, end);
    ListTrainingJobsResponse.Builder out = ListTrainingJobsResponse.builder().trainingJobSummaries(page);
    if (end < matching.size()) {
      out.nextToken(encode(end));
    }
    return out.build();
  }

  /**
   * The summaries that pass every filter of the request, in no particular order.
   *
   * @param all every job known
   * @param request the filters
   * @return the matching summaries
   */
  public static List<TrainingJobSummary> filter(Collection<TrainingJobSummary> all, ListTrainingJobsRequest request) {
    Optional<String> contains = request.nameContains().map(s -> s.toLowerCase(Locale.ROOT));
    List<TrainingJobSummary> out = new ArrayList<>();
    for (TrainingJobSummary s : all) {
      String name = s.trainingJobName().orElse("");
      if (contains.isPresent() && !name.toLowerCase(Locale.ROOT).contains(contains.get())) {
        continue;
      }
      if (request.statusEquals().isPresent() && !request.statusEquals().equals(s.trainingJobStatus())) {
        continue;
      }
      if (request.warmPoolStatusEquals().isPresent()
          && !request.warmPoolStatusEquals().equals(s.warmPoolStatus().flatMap(w -> w.status()))) {
        continue;
      }
      if (!within(s.creationTime(), request.creationTimeAfter(), request.creationTimeBefore())
          || !within(s.lastModifiedTime(), request.lastModifiedTimeAfter(), request.lastModifiedTimeBefore())) {
        continue;
      }
      out.add(s);
    }
    return out;
  }

  /**
   * The summaries in the request's order ({@code CreationTime} ascending by default), ties broken by name.
   *
   * @param summaries the summaries
   * @param request the sort members
   * @return a new sorted list
   */
  public static List<TrainingJobSummary> sorted(Collection<TrainingJobSummary> summaries,
      ListTrainingJobsRequest request) {
    Comparator<TrainingJobSummary> byName = Comparator.comparing(s -> s.trainingJobName().orElse(""));
    SortBy sortBy = request.sortBy().orElse(SortBy.CREATION_TIME);
    Comparator<TrainingJobSummary> order;
    switch (sortBy) {
      case NAME:
        order = byName;
        break;
      case STATUS:
        order = comparing(s -> s.trainingJobStatus().map(Enum::name).orElse("")).thenComparing(byName);
        break;
      default:
        order = comparing(s -> s.creationTime().orElse(Instant.EPOCH)).thenComparing(byName);
        break;
    }
    if (request.sortOrder().orElse(SortOrder.ASCENDING) == SortOrder.DESCENDING) {
      order = order.reversed();
    }
    List<TrainingJobSummary> out = new ArrayList<>(summaries);
    out.sort(order);
    return out;
  }

  private static <K extends Comparable<? super K>> Comparator<TrainingJobSummary> comparing(
      Function<TrainingJobSummary, K> key) {
    return Comparator.comparing(key);
  }

  private static boolean within(Optional<Instant> time, Optional<Instant> after, Optional<Instant> before) {
    if (after.isEmpty() && before.isEmpty()) {
      return true;
    }
    if (time.isEmpty()) {
      return false;
    }
    return after.map(a -> time.get().isAfter(a)).orElse(true) && before.map(b -> time.get().isBefore(b)).orElse(true);
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(TOKEN_PREFIX)) {
        int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new SmtrainException("ListTrainingJobs.NextToken: not a token this executor returned; pass the"
        + " NextToken of the previous page unchanged, or none for the first page");
  }
}
