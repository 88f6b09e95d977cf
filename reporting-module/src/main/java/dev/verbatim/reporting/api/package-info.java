/** Reporting exposes nothing to other modules yet; its surface is the REST API and pages. */
package dev.verbatim.reporting.api;
