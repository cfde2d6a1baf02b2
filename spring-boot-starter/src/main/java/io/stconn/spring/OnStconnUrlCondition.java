package io.stconn.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.datasource.url} is a {@code jdbc:stconn:} URL: any other URL stays Boot's own. */
class OnStconnUrlCondition extends SpringBootCondition {
    static final String URL_PROPERTY = "spring.datasource.url";
    static final String PREFIX = "jdbc:stconn:";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty(URL_PROPERTY);
        if (url != null && url.trim().regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return ConditionOutcome.match(URL_PROPERTY + " is a " + PREFIX + " URL");
        }
        return ConditionOutcome.noMatch(URL_PROPERTY + " is not a " + PREFIX + " URL");
    }
}
