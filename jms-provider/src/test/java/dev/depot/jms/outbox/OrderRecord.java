package dev.depot.jms.outbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The application's own data in the outbox tests: an order row. */
@Entity
@Table(name = "app_order")
public class OrderRecord {

    @Id
    private long id;

    private String item;

    protected OrderRecord() {
    }

    public OrderRecord(long id, String item) {
        this.id = id;
        this.item = item;
    }

    public String item() {
        return item;
    }
}
