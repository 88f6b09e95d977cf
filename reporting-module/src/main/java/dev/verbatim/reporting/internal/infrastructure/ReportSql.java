package dev.verbatim.reporting.internal.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;

/**
 * Native statements on the report tables ({@code rpt_*}) inside another module's transaction. No
 * JPA entity maps these tables and they have no foreign keys, so they never need the persistence
 * context's pending changes: with the default AUTO flush mode EclipseLink would flush (and compute
 * the changes of every managed entity) before each of them, which made a distribution's cost grow
 * with the square of its invitations and added a flush to every statement of a submission.
 */
final class ReportSql {
  private ReportSql() {}

  static Query on(EntityManager em, String sql) {
    return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
  }
}
