package dev.verbatim.platform.api;

import java.time.Duration;

/**
 * Lets one server at a time run a job that must not run twice at once, such as reading a shared
 * mailbox. The holder renews its lease each run; when it stops or dies, another server takes the
 * job once the lease has run out.
 */
public interface JobLeases {

  /**
   * @return whether this server holds the job for {@code lease} from now (taking or renewing it);
   *     false while another server's lease runs
   */
  boolean tryHold(String job, Duration lease);
}
