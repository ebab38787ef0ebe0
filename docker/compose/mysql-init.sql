-- The compose stack's extraction source: the demo shop's two tables (src/demo DemoShop), a few rows,
-- and a read-only user for the console and its Spark drivers.
CREATE TABLE IF NOT EXISTS customers (id BIGINT PRIMARY KEY, name VARCHAR(80) NOT NULL,
  country CHAR(2) NOT NULL, updated_at DATETIME(3) NOT NULL, KEY customers_updated (updated_at));
CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,
  amount DECIMAL(10,2) NOT NULL, status VARCHAR(16) NOT NULL,
  updated_at DATETIME(3) NOT NULL, KEY orders_updated (updated_at));
INSERT INTO customers VALUES (1, 'Ada', 'GB', NOW(3)), (2, 'Grace', 'US', NOW(3));
INSERT INTO orders VALUES (1, 1, 12.50, 'NEW', NOW(3)), (2, 2, 99.00, 'PAID', NOW(3));
