package app.vsxi.dashboard.fleet;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A set of SBCs that roles are granted on, e.g. one customer's or one region's. */
@Table
public record SbcGroup(@Id Long id, String name, String description, Instant createdAt) {

}
