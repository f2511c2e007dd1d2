package app.vsxi.dashboard.fleet;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface SbcGroupRepository extends ListCrudRepository<SbcGroup, Long> {

	List<SbcGroup> findAllByOrderByNameAsc();

	Optional<SbcGroup> findByName(String name);

}
