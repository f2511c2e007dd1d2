package app.vsxi.dashboard.fleet;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface SbcRepository extends ListCrudRepository<Sbc, Long> {

	List<Sbc> findAllByOrderByNameAsc();

	Optional<Sbc> findByName(String name);

	boolean existsByNameAndIdNot(String name, Long id);

	List<Sbc> findByGroupIdOrderByNameAsc(Long groupId);

	List<Sbc> findByBaseUrlAndIdNot(String baseUrl, Long id);

	boolean existsByGroupId(Long groupId);

}
