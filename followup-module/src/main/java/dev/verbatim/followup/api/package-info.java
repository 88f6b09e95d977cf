/** What reports may read of follow-up: closure counts per survey, computed in the database. */
package dev.verbatim.followup.api;
