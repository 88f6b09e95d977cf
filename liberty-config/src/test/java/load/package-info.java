/**
 * The load generator shared by the benchmarks ({@code bench.*}) and the fault harness: plain Java
 * 17 and {@code java.net.http}, traffic only to localhost.
 *
 * <ul>
 *   <li>{@link load.MailSink}: an SMTP server in the test JVM (GreenMail) that hands every message
 *       to a listener and keeps nothing.
 *   <li>{@link load.PersonalLinks#prepare}: a published survey and N personal links (fresh contacts
 *       in bulk, one distribution per 1,000, tokens read from the invitations at the sink); {@link
 *       load.PersonalLinks.Prepared} holds the survey id, the tokens and the manager's {@link
 *       it.support.ApiClient}.
 *   <li>{@link load.CustomerSubmission#submit}: one customer submission as a browser does it (GET
 *       the page, POST its form), returning an {@link load.Outcome} (status and latency;
 *       acknowledged = 2xx/303).
 *   <li>{@link load.LoadRunner#run}: K concurrent clients over a queue of tokens, bounded in count
 *       and time; its {@link load.LoadResult} has submissions/s, p50/p99, the acknowledged tokens
 *       and the other answers counted by status.
 * </ul>
 */
package load;
