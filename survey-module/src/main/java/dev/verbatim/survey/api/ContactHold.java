package dev.verbatim.survey.api;

import java.util.Collection;
import java.util.Set;

/**
 * Implemented by modules that know of ongoing work with a contact (follow-up: an open case). A
 * distribution does not survey a contact on hold; without an implementation nobody is on hold.
 */
public interface ContactHold {

  /** The ids among {@code contactIds} of contacts who must not be surveyed now. */
  Set<String> contactsOnHold(Collection<String> contactIds);
}
