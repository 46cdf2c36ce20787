/**
 * The seam between smtrain's local training-job runner and a container engine
 * (Docker or Podman) spoken to through the Docker Engine API.
 *
 * <p><b>Internal.</b> These types are public only so that the local runner in
 * another package can use them; they are not part of smtrain's supported API
 * and may change in any release. The quick start sample uses {@code EngineLocator},
 * {@code ContainerEngine.buildImage} and {@code TarContext} to build its image, rather than
 * a second engine client of its own.
 *
 * <ul>
 *   <li>{@link dev.smtrain.local.engine.EngineLocator} finds a reachable engine
 *       (or explains, in one exception, why none was found);</li>
 *   <li>{@link dev.smtrain.local.engine.ContainerEngine} owns the client and
 *       offers the few operations a training job needs;</li>
 *   <li>{@link dev.smtrain.local.engine.EngineLabels} marks everything smtrain
 *       creates, so that leftovers can be found and removed.</li>
 * </ul>
 * Differences between Podman and Docker are kept in {@code EngineQuirks}.
 */
package dev.smtrain.local.engine;
