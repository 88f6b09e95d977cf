package dev.verbatim.platform.api;

/**
 * Absolute links for mails, built on the address people can reach (VERBATIM_PUBLIC_BASE_URL,
 * default http://localhost:9080).
 */
public interface PublicUrls {

  /**
   * @param path an absolute path such as {@code /s/<token>}
   */
  String absolute(String path);
}
