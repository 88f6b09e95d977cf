package it.guarantee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Test-only: Arquillian enriches a test instance through CDI ({@code @Inject}) only, so the
 * application's persistence unit is exposed to the test as a CDI bean. Present in the test
 * deployment only, never in the product.
 */
@ApplicationScoped
public class EntityManagerForTests {
  @Produces
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;
}
