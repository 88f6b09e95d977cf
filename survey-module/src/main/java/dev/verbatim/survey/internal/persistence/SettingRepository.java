package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.domain.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The survey module's settings (svy_setting), in the caller's transaction ({@link SettingRows}
 * reads and writes in transactions of their own).
 */
@ApplicationScoped
public class SettingRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** The setting, or null. */
  public Setting find(String name) {
    return em.find(Setting.class, name);
  }

  public void add(Setting setting) {
    em.persist(setting);
  }
}
