/**
 * The platform's public surface: the outbox for outbound mail, the one error vocabulary (turned
 * into problem+json or an error page at the edge), staff users and roles, page rendering and schema
 * migration hooks. Other modules import only this package.
 */
package dev.verbatim.platform.api;
