package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.survey.internal.domain.InvitationTokenKey;
import dev.verbatim.survey.internal.domain.Setting;
import dev.verbatim.survey.internal.persistence.SettingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How distributions and reminders behave: the throttle period is a workspace setting managers
 * change on the sending settings page; reminders come from configuration.
 */
@ApplicationScoped
public class SendingSettings {
  static final String THROTTLE_DAYS = "throttle-days";
  public static final int DEFAULT_THROTTLE_DAYS = 30;
  public static final int MAX_THROTTLE_DAYS = 365;

  @Inject SettingRepository settings;

  @Inject
  @ConfigProperty(name = "verbatim.reminders.max", defaultValue = "1")
  int remindersMax;

  @Inject
  @ConfigProperty(name = "verbatim.reminders.after-days", defaultValue = "3")
  int remindersAfterDays;

  @Inject TokenKeyStore keyStore;

  private volatile InvitationTokenKey tokenKey;

  public int throttleDays() {
    Setting setting = settings.find(THROTTLE_DAYS);
    return setting == null ? DEFAULT_THROTTLE_DAYS : Integer.parseInt(setting.value());
  }

  public Duration throttle() {
    return Duration.ofDays(throttleDays());
  }

  @Transactional
  public int changeThrottleDays(String days) {
    int value;
    try {
      value = Integer.parseInt(days == null ? "" : days.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("throttleDays", "must be a whole number of days");
    }
    if (value < 0 || value > MAX_THROTTLE_DAYS) {
      throw new InvalidInputException(
          "throttleDays", "must be between 0 (no throttling) and " + MAX_THROTTLE_DAYS);
    }
    Setting setting = settings.find(THROTTLE_DAYS);
    if (setting == null) {
      settings.add(new Setting(THROTTLE_DAYS, Integer.toString(value)));
    } else {
      setting.change(Integer.toString(value));
    }
    return value;
  }

  public int remindersMax() {
    return Math.max(remindersMax, 0);
  }

  public Duration remindersAfter() {
    return Duration.ofDays(Math.max(remindersAfterDays, 1));
  }

  /** The key personal links are derived with (created at the first start and kept). */
  public InvitationTokenKey tokenKey() {
    InvitationTokenKey key = tokenKey;
    if (key == null) {
      key = new InvitationTokenKey(Base64.getDecoder().decode(keyStore.load()));
      tokenKey = key;
    }
    return key;
  }
}
