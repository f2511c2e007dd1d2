package app.vsxi.dashboard.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A role of one user on one SBC group, and who gave it. */
@Table
public record UserGrant(@Id Long id, Long userId, Long groupId, Role role, String grantedBy, Instant grantedAt) {

}
