package io.clipfeed.social;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Recounts every counter from the rows it counts and repairs the ones that drifted (a manual SQL fix, a restore,
 * a bug), reporting each repair in the log and in {@code clipfeed.social.counter.repairs}. A cheap unlocked scan
 * finds candidates; each is then recounted with its counter row locked, because writers change a counter only
 * while holding that lock: a like committed during the recount can therefore never be counted twice or lost.
 */
@Component
class CounterReconciler {

    private static final Logger log = LoggerFactory.getLogger(CounterReconciler.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;

    CounterReconciler(JdbcClient jdbc, TransactionTemplate tx, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.meters = meters;
    }

    /** Repairs all drifted counters; returns how many values were wrong. */
    int reconcile() {
        int repaired = 0;
        for (CounterTable table : CounterTable.values()) {
            repaired += reconcile(table);
        }
        if (repaired > 0) {
            log.warn("Counter reconciliation repaired {} drifted value(s)", repaired);
        }
        return repaired;
    }

    private int reconcile(CounterTable table) {
        int repaired = 0;
        String after = "";
        while (true) {
            List<String> ids = jdbc.sql("select " + table.key + " from " + table.name + " c where " + table.key
                    + " > :after order by " + table.key + " limit :n").param("after", after).param("n", BATCH)
                    .query(String.class).list();
            if (ids.isEmpty()) {
                return repaired;
            }
            for (String id : jdbc.sql(table.driftedAmong()).param("ids", ids).query(String.class).list()) {
                repaired += repair(table, id);
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private int repair(CounterTable table, String id) {
        Integer fixed = tx.execute(status -> {
            long[] stored = jdbc.sql("select " + table.columns() + " from " + table.name + " where " + table.key
                    + " = :id for update").param("id", id).query((rs, n) -> table.read(rs)).single();
            // a new statement after the lock: it sees every write committed before we got the lock
            long[] actual = jdbc.sql("select " + table.recounts() + " from " + table.name + " c where " + table.key
                    + " = :id").param("id", id).query((rs, n) -> table.read(rs)).single();
            int wrong = 0;
            for (int i = 0; i < stored.length; i++) {
                if (stored[i] != actual[i]) {
                    wrong++;
                    String column = table.counts[i][0];
                    log.warn("Counter {}.{} of {} drifted: stored {}, actual {}; repaired", table.name, column, id,
                            stored[i], actual[i]);
                    meters.counter("clipfeed.social.counter.repairs", "counter", column).increment();
                    jdbc.sql("update " + table.name + " set " + column + " = :v where " + table.key + " = :id")
                            .param("v", actual[i]).param("id", id).update();
                }
            }
            return wrong;
        });
        return fixed == null ? 0 : fixed;
    }
}
