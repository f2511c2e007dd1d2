package app.vsxi.dashboard.fleet;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No SBC with that id (any more). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownSbcException extends RuntimeException {

	UnknownSbcException(long id) {
		super("No SBC with id " + id);
	}

}
