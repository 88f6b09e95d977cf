package it.faults;

/** {@link SmtpOutage} on PostgreSQL (a fresh database on the build's throwaway cluster). */
class SmtpOutageOnPostgreSqlIT extends SmtpOutage {
  @Override
  TestDatabase database(String testName) {
    return TestDatabase.freshPostgreSql(testName);
  }
}
