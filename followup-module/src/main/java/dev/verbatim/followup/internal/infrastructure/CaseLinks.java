package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.platform.api.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The staff page of a case, as a link staff can open from a mail. */
@ApplicationScoped
public class CaseLinks {
  @Inject PublicUrls urls;

  public String toCase(String caseId) {
    return urls.absolute("/app/cases/" + caseId);
  }
}
