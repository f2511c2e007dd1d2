package app.vsxi.dashboard.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownUserException extends RuntimeException {

	UnknownUserException(long id) {
		super("No user with id " + id);
	}

}
