package ma.opencommune.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method: what this page shows a visitor who is not signed in depends on its address only, and may lag
 * the database by a few seconds, so {@link AnonymousPageCache} may serve it again to the next anonymous visitors.
 * Only for public pages whose anonymous version holds no form token and nothing about the visitor.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface SameForEveryAnonymousVisitor {
}
