package app.vsxi.dashboard.fleet;

/** One reason an SBC form cannot be saved, for the field it concerns. */
public record FieldProblem(String field, String message) {

}
