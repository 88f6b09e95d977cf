package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.domain.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Survey settings (svy_setting), each read or written in a transaction of its own. */
@ApplicationScoped
public class SettingRows {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<String> find(String name) {
    return Optional.ofNullable(em.find(Setting.class, name)).map(Setting::value);
  }

  /** Fails, changing nothing, when the setting exists already. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void insert(String name, String value) {
    em.persist(new Setting(name, value));
    em.flush();
  }
}
