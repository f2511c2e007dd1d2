package app.vsxi.dashboard.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that takes tens of seconds, mostly waiting for boxes, child processes or time-outs: it starts
 * with the browser tests, before the other classes, so the build does not end on it alone ({@link LongestFirst}).
 * Only where it pays; a class wrongly marked costs speed, never a result.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface StartEarly {

}
