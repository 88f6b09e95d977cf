package it.faults;

/**
 * {@link NothingLostUnderLoad} on PostgreSQL (a fresh database on the build's throwaway cluster).
 */
class NothingLostUnderLoadOnPostgreSqlIT extends NothingLostUnderLoad {
  @Override
  TestDatabase database(String testName) {
    return TestDatabase.freshPostgreSql(testName);
  }
}
