/**
 * What reports may read of follow-up: closure counts per survey computed in the database, case
 * snapshots, and the {@link dev.verbatim.followup.api.CaseChanged} event published to the
 * module-event log by every transaction that changes a case.
 */
package dev.verbatim.followup.api;
