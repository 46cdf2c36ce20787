package dev.smtrain.local.internal;

import dev.smtrain.model.ListTrainingJobsRequest;
import dev.smtrain.model.ListTrainingJobsResponse;
import dev.smtrain.model.SortBy;
import dev.smtrain.model.SortOrder;
import dev.smtrain.model.TrainingJobDescription;
import dev.smtrain.model.TrainingJobSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** {@code ListTrainingJobs} over the registry: filters, sort, pages with an opaque {@code NextToken}. */
public final class JobListing {

  private static final String TOKEN_PREFIX = "local-offset:";

  private JobListing() {}

  /**
   * One page.
   *
   * @param jobs every job the executor knows
   * @param request the filters, sort and page
   * @return the page
   * @throws IllegalArgumentException when {@code NextToken} did not come from this executor
   */
  public static ListTrainingJobsResponse page(Collection<LocalJob> jobs, ListTrainingJobsRequest request) {
    int max = request.maxResults().orElse(10);
    int offset = request.nextToken().map(JobListing::offset).orElse(0);
    Predicate<TrainingJobDescription> filter = filter(request);
    Comparator<TrainingJobDescription> order = order(request);
    List<TrainingJobDescription> all = jobs.stream().map(LocalJob::describe).filter(filter).sorted(order).toList();
    List<TrainingJobSummary> page = all.stream().skip(offset).limit(max).map(Descriptions::summary).toList();
    ListTrainingJobsResponse.Builder response = ListTrainingJobsResponse.builder().trainingJobSummaries(page);
    if (offset + max < all.size()) {
      response.nextToken(token(offset + max));
    }
    return response.build();
  }

  private static Predicate<TrainingJobDescription> filter(ListTrainingJobsRequest r) {
    Predicate<TrainingJobDescription> p = d -> true;
    if (r.nameContains().isPresent()) {
      String part = r.nameContains().get().toLowerCase(Locale.ROOT);
      p = p.and(d -> d.trainingJobName().orElse("").toLowerCase(Locale.ROOT).contains(part));
    }
    if (r.statusEquals().isPresent()) {
      p = p.and(d -> d.trainingJobStatus().equals(r.statusEquals()));
    }
    if (r.creationTimeAfter().isPresent()) {
      Instant t = r.creationTimeAfter().get();
      p = p.and(d -> d.creationTime().orElseThrow().isAfter(t));
    }
    if (r.creationTimeBefore().isPresent()) {
      Instant t = r.creationTimeBefore().get();
      p = p.and(d -> d.creationTime().orElseThrow().isBefore(t));
    }
    if (r.lastModifiedTimeAfter().isPresent()) {
      Instant t = r.lastModifiedTimeAfter().get();
      p = p.and(d -> d.lastModifiedTime().orElseThrow().isAfter(t));
    }
    if (r.lastModifiedTimeBefore().isPresent()) {
      Instant t = r.lastModifiedTimeBefore().get();
      p = p.and(d -> d.lastModifiedTime().orElseThrow().isBefore(t));
    }
    return p;
  }

  private static Comparator<TrainingJobDescription> order(ListTrainingJobsRequest r) {
    SortBy by = r.sortBy().orElse(SortBy.CREATION_TIME);
    Comparator<TrainingJobDescription> c = switch (by) {
      case NAME -> Comparator.comparing(d -> d.trainingJobName().orElse(""));
      case STATUS -> Comparator.comparing(d -> d.trainingJobStatus().map(s -> s.value()).orElse(""));
      default -> Comparator.comparing(d -> d.creationTime().orElse(Instant.EPOCH));
    };
    c = c.thenComparing(d -> d.trainingJobName().orElse(""));
    return r.sortOrder().orElse(SortOrder.DESCENDING) == SortOrder.ASCENDING ? c : c.reversed();
  }

  private static String token(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith(TOKEN_PREFIX)) {
        return Math.max(0, Integer.parseInt(s.substring(TOKEN_PREFIX.length())));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException("ListTrainingJobsRequest.NextToken: not a token returned by this local "
        + "executor's ListTrainingJobs; pass the NextToken of the previous page, or none for the first page");
  }
}
