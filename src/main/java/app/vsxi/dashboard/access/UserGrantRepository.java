package app.vsxi.dashboard.access;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface UserGrantRepository extends ListCrudRepository<UserGrant, Long> {

	List<UserGrant> findByUserId(Long userId);

	List<UserGrant> findByGroupId(Long groupId);

	Optional<UserGrant> findByUserIdAndGroupId(Long userId, Long groupId);

}
