package app.vsxi.dashboard.fleet;

import java.util.List;
import java.util.stream.Collectors;

import app.vsxi.dashboard.web.RefusedException;

/** An SBC entry that cannot be saved, with every field at fault, so the form can show them all at once. */
public class InvalidSbcException extends RefusedException {

	private final List<FieldProblem> problems;

	InvalidSbcException(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::message).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
