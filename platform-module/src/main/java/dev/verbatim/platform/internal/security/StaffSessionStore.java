package dev.verbatim.platform.internal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staff sessions in plt_staff_session, shared by every server. A session is usable while it is
 * not revoked, not past its absolute expiry, seen within the idle timeout, and its account is
 * active; the check joins the account, so a deactivated account is refused at once. The id column
 * holds the SHA-256 of the session id, never the id itself: a copy of the database (which also
 * holds the cookie key) gives no cookie that works.
 */
@ApplicationScoped
public class StaffSessionStore {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** A usable session with its account's roles. */
  public record ActiveSession(String id, String username, Set<String> roles, long lastSeenAt) {}

  @Transactional
  public void open(String id, String username, long now, long expiresAt) {
    em.createNativeQuery(
            "INSERT INTO plt_staff_session (id, username, created_at, last_seen_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, stored(id))
        .setParameter(2, username)
        .setParameter(3, now)
        .setParameter(4, now)
        .setParameter(5, expiresAt)
        .executeUpdate();
  }

  /**
   * @param idleSince sessions last seen before this are idle and refused
   */
  @Transactional
  public Optional<ActiveSession> findActive(String id, long now, long idleSince) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT s.username, u.roles, s.last_seen_at FROM plt_staff_session s"
                    + " JOIN plt_staff_user u ON u.username = s.username"
                    + " WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > ?"
                    + " AND s.last_seen_at > ? AND u.active = TRUE")
            .setParameter(1, stored(id))
            .setParameter(2, now)
            .setParameter(3, idleSince)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            row -> {
              Object[] columns = (Object[]) row;
              Set<String> roles =
                  Arrays.stream(columns[1].toString().split(","))
                      .filter(r -> !r.isBlank())
                      .collect(Collectors.toCollection(LinkedHashSet::new));
              return new ActiveSession(
                  id, columns[0].toString(), roles, ((Number) columns[2]).longValue());
            });
  }

  @Transactional
  public void touch(String id, long now) {
    em.createNativeQuery(
            "UPDATE plt_staff_session SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?")
        .setParameter(1, now)
        .setParameter(2, stored(id))
        .setParameter(3, now)
        .executeUpdate();
  }

  @Transactional
  public void revoke(String id, long now) {
    em.createNativeQuery(
            "UPDATE plt_staff_session SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .setParameter(1, now)
        .setParameter(2, stored(id))
        .executeUpdate();
  }

  /** Ends every session of the account, on every server (deactivation, password change). */
  @Transactional
  public int revokeAllFor(String username, long now) {
    return em.createNativeQuery(
            "UPDATE plt_staff_session SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL")
        .setParameter(1, now)
        .setParameter(2, username)
        .executeUpdate();
  }

  /** Deletes the account's rows that can never be used again (expired, idle or revoked). */
  @Transactional
  public int deleteEndedFor(String username, long now, long idleSince) {
    return em.createNativeQuery(
            "DELETE FROM plt_staff_session WHERE username = ?"
                + " AND (revoked_at IS NOT NULL OR expires_at <= ? OR last_seen_at <= ?)")
        .setParameter(1, username)
        .setParameter(2, now)
        .setParameter(3, idleSince)
        .executeUpdate();
  }

  /** What the id column holds for a session id: base64url(SHA-256(id)). */
  static String stored(String sessionId) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(sessionId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
