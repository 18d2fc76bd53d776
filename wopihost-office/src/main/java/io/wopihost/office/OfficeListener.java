package io.wopihost.office;

/**
 * Told what happens to editors, for metrics. Called on the thread that did it; must not block.
 */
public interface OfficeListener {

  OfficeListener NONE = new OfficeListener() {};

  /** A fetch of an editor's discovery finished. */
  default void discoveryFetched(String editor, boolean succeeded) {}

  /**
   * A request's proof was refused.
   *
   * @param editor the editor whose keys it was checked against when there is only one with keys,
   *     else {@code unknown}: requests do not say who sent them
   */
  default void proofRefused(String editor) {}
}
