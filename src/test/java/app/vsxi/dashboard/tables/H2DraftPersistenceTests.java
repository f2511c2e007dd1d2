package app.vsxi.dashboard.tables;

import app.vsxi.dashboard.support.SameApplication;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Drafts and snapshots on H2, the default database. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import({ DraftRepository.class, DraftPersistenceContract.Sealing.class })
@ResourceLock(providers = SameApplication.class)
class H2DraftPersistenceTests extends DraftPersistenceContract {

}
