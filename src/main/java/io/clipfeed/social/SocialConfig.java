package io.clipfeed.social;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The module's settings and its recurring job: counter reconciliation. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialSettings.class)
class SocialConfig {

    @Bean
    RecurringTask<Void> socialCounterReconciliation(CounterReconciler reconciler, SocialSettings settings) {
        return Tasks.recurring("social-counter-reconciliation", FixedDelay.of(settings.reconcileInterval()))
                .execute((instance, context) -> reconciler.reconcile());
    }
}
