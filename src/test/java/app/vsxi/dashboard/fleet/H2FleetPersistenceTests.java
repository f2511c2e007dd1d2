package app.vsxi.dashboard.fleet;

import app.vsxi.dashboard.support.SameApplication;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ActiveProfiles;

/** The migrations and repositories on H2, the default database. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@ResourceLock(providers = SameApplication.class)
class H2FleetPersistenceTests extends FleetPersistenceContract {

}
