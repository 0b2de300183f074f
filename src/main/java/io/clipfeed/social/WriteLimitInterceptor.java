package io.clipfeed.social;

import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Applies {@link WriteLimits} to every social write (likes, comments, follows, shares, blocks, profile, reads). */
@Configuration(proxyBeanMethods = false)
class WriteLimitInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final WriteLimits limits;

    WriteLimitInterceptor(WriteLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/videos/*/like", "/api/v1/videos/*/comments",
                "/api/v1/videos/*/shares", "/api/v1/comments/**", "/api/v1/users/*/follow", "/api/v1/users/*/block",
                "/api/v1/me/notifications/**", "/api/v1/me/profile", "/api/v1/me/avatar");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (WRITES.contains(request.getMethod())) {
            limits.write(CurrentUsers.current().map(CurrentUser::id).orElse(null), request.getRemoteAddr());
        }
        return true;
    }
}
