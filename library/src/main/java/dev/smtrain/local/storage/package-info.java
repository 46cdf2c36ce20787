/**
 * The local runner's storage: stages input channels for containers, copies checkpoints in and syncs them out,
 * and packages and publishes a job's outputs, to and from {@code file://} and {@code s3://} URIs.
 *
 * <h2>Usage, in the order a job runs</h2>
 * <pre>{@code
 * try (LocalStorage storage = LocalStorage.create(StorageSettings.defaults())) {
 *   // 1. stage inputs, per host (hostIndex is 0-based: algo-1 is 0)
 *   StagedChannel train = storage.stage(channel, hostIndex, hostCount, scratch.resolve("algo-1/input"));
 *   //    bind train.hostPath() at train.containerPath(), read-only; never delete it when train.userData()
 *   // 2. checkpoints: before start, and again after the end or a stop
 *   storage.copyIn(checkpointConfig.s3Uri().get(), hostCheckpointDir);
 *   storage.syncOut(hostCheckpointDir, checkpointConfig.s3Uri().get());
 *   // 3. outputs: every host's /opt/ml/model and /opt/ml/output/data
 *   PublishedOutputs out = storage.publishOutputs(outputDataConfig, jobName, modelDirs, outputDataDirs, scratch);
 *   //    out.modelArtifacts() is the description's ModelArtifacts.S3ModelArtifacts
 * }
 * }</pre>
 *
 * <h2>Inputs ({@link dev.smtrain.local.storage.LocalStorage#stage})</h2>
 * <ul>
 *   <li><b>Key-prefix semantics</b>, as SageMaker: an {@code S3Prefix} URI {@code s3://b/data/tr} selects every
 *       object whose key starts with {@code data/tr} ({@code data/train/x.csv} and {@code data/tr.csv} alike),
 *       skipping "folder" keys that end in {@code /}. Each object's path in the channel directory is its key
 *       relative to the prefix when the key continues the prefix with a {@code /} (the prefix names a
 *       "directory": {@code s3://b/data/train} or {@code s3://b/data/train/} give {@code x.csv} for
 *       {@code data/train/x.csv}); otherwise it is the key relative to the prefix's parent "directory"
 *       ({@code s3://b/data/tr} gives {@code train/x.csv} and {@code tr.csv}), so a partially matched file
 *       keeps its full name. Two objects mapping to the same path are an error.</li>
 *   <li><b>No objects</b> is an error, worded as SageMaker's: {@code No S3 objects found under S3 URL "..."}.</li>
 *   <li><b>{@code file://} S3Prefix naming a directory</b>: the directory itself is returned (bind it read-only;
 *       {@link dev.smtrain.local.storage.StagedChannel#userData()} is {@code true}); nothing is copied or
 *       walked, so staging costs the same for 1 MB and 1 TB. A {@code file://} URI that is not a directory
 *       follows the key-prefix rule over its parent directory and is staged like a shard (below).</li>
 *   <li><b>ShardedByS3Key</b>: the objects are sorted by key (UTF-8 byte order, as S3 lists them; for
 *       {@code ManifestFile}, manifest order) and object {@code i} (0-based) goes to host {@code i mod N}
 *       ({@code hostIndex == i % hostCount}). With one host this is the same as FullyReplicated.
 *       FullyReplicated gives every host every object.</li>
 *   <li><b>{@code file://} subsets</b> (shards, manifests, partial prefixes) are staged as a per-host directory
 *       of <em>hard links</em> to the user's files under the scratch directory (symbolic links would dangle
 *       inside the container, whose bind mount does not include their targets). Hard links need the same
 *       filesystem; when the scratch directory is elsewhere the files are copied instead. The container must
 *       not write to its input (the bind is read-only), so a hard link cannot change the user's data.</li>
 *   <li><b>ManifestFile</b>: a JSON array whose first element is {@code {"prefix": "s3://b/p/"}} (or
 *       {@code file:///...}) and whose other elements are keys relative to that prefix; each is staged at its
 *       relative key.</li>
 *   <li><b>{@code s3://}</b> objects are downloaded with the SDK's {@code S3TransferManager} (one
 *       {@code downloadFile} per object, at most {@link dev.smtrain.local.storage.StorageSettings#maxConcurrentTransfers()}
 *       at once) into the scratch directory. The S3 client and transfer manager are only created when an
 *       {@code s3://} URI is first used.</li>
 *   <li>{@code AugmentedManifestFile} and {@code FileSystemDataSource} channels are not supported locally and
 *       fail with an error naming the channel.</li>
 * </ul>
 *
 * <h2>Checkpoints</h2>
 * {@link dev.smtrain.local.storage.LocalStorage#copyIn} copies everything under the URI (taken as a
 * "directory": a {@code /} is appended when missing) into the directory; an absent prefix is not an error (the
 * first run has no checkpoints). {@link dev.smtrain.local.storage.LocalStorage#syncOut} uploads the files that
 * are new or changed (different size or content) and never deletes at the destination.
 *
 * <h2>Outputs</h2>
 * Every host's model directory is merged into one {@code model.tar.gz} (paths relative to the directory, no
 * {@code ./} prefix, directories and the executable bit kept, entries sorted). When two hosts hold the same path:
 * identical contents are stored once; different contents keep the <em>first</em> host's file (lowest index) and
 * report the path in {@link dev.smtrain.local.storage.PackageResult#conflicts()} — a later host never silently
 * overwrites an earlier one. {@link dev.smtrain.local.storage.LocalStorage#publish} makes an artifact appear at
 * its final location only when complete: for {@code file://} it is written to a hidden temporary file in the
 * destination directory and atomically moved; for {@code s3://} a single upload (a PutObject or a multipart
 * upload's completion) is atomic. Layout: {@code <S3OutputPath>/<job>/output/model.tar.gz} and
 * {@code .../output/output.tar.gz}; with output {@code CompressionType NONE} the model files go uncompressed under
 * {@code <S3OutputPath>/<job>/output/model/}.
 */
package dev.smtrain.local.storage;
