package ma.opencommune.support;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the SQL statements the application runs, so tests can prove a page does a constant number of queries. */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCounting {

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(ds).name("app").countQuery().build();
                }
                return bean;
            }
        };
    }

    public static void reset() {
        QueryCountHolder.clear();
    }

    public static long statements() {
        return QueryCountHolder.getGrandTotal().getTotal();
    }
}
