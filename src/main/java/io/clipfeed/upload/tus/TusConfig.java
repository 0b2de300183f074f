package io.clipfeed.upload.tus;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the tus protocol filter on the upload routes only, ahead of the security chain. */
@Configuration(proxyBeanMethods = false)
class TusConfig {

    @Bean
    FilterRegistrationBean<TusProtocolFilter> tusProtocolFilter() {
        FilterRegistrationBean<TusProtocolFilter> registration = new FilterRegistrationBean<>(new TusProtocolFilter());
        registration.addUrlPatterns(TusController.BASE, TusController.BASE + "/*");
        // after the request-id filter (highest precedence), before Spring Security (-100)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
