package io.clipfeed.catalog.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.clipfeed.catalog.IllegalTransitionException;

/**
 * A request that would break the video lifecycle (e.g. approving a deleted video) conflicts with the video's
 * current state: 409 with both statuses named, from whichever controller asked.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The video is " + e.from() + " and cannot become " + e.to() + ".");
        body.setTitle("Conflict");
        body.setProperty("videoStatus", e.from());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }
}
