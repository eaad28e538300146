package org.aftercarebridge.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's database behind a switch: a test takes it away as an outage would (every new
 * connection refused, as a pool sees a database that went down) and brings it back.
 */
@TestConfiguration
public class DatabaseSwitch implements BeanPostProcessor {

  private static volatile boolean down;

  public static void takeDown() {
    down = true;
  }

  public static void bringBack() {
    down = false;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean instanceof DataSource dataSource && !(bean instanceof Switched) ? new Switched(dataSource) : bean;
  }

  static final class Switched extends DelegatingDataSource {
    Switched(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      refuseWhenDown();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      refuseWhenDown();
      return super.getConnection(username, password);
    }

    private static void refuseWhenDown() throws SQLTransientConnectionException {
      if (down) {
        throw new SQLTransientConnectionException("Connection refused: the database is down (test outage)");
      }
    }
  }
}
