package dev.verbatim.platform.api;

import java.util.List;

/** A module's entries in the staff navigation bar, depending on who is looking. */
public interface NavigationLinks {

  /** Position among modules: lower appears first. */
  int order();

  List<Link> linksFor(StaffUser user);

  record Link(String label, String href) {}
}
