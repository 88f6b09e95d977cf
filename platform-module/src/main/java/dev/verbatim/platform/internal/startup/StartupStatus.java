package dev.verbatim.platform.internal.startup;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this server finished its start-up. Until it has, and for good when start-up failed, the
 * readiness check is DOWN with the reason and every page and API call answers 503: a load balancer
 * sends no customer to a server that cannot keep their answer.
 */
@ApplicationScoped
public class StartupStatus {
  public enum State {
    STARTING,
    READY,
    FAILED
  }

  private volatile State state = State.STARTING;
  private volatile String reason = "starting";

  public State state() {
    return state;
  }

  public String reason() {
    return reason;
  }

  public boolean isReady() {
    return state == State.READY;
  }

  void ready() {
    reason = "started";
    state = State.READY;
  }

  void failed(String why) {
    reason = why;
    state = State.FAILED;
  }
}
