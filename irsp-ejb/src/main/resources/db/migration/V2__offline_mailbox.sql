-- IRSP schema, version 2: what each entity's offline queue holds of quota items (§11.1 486: stored
-- DataMessages and ServerPushNotifys), so that a store checks the quota without reading the queue and
-- concurrent stores to one recipient cannot overshoot it (a store locks its recipient's row).
CREATE TABLE IRSP_OFFLINE_MAILBOX (
    ENTITYKEY VARCHAR(220) NOT NULL PRIMARY KEY,
    MESSAGES  INTEGER      NOT NULL,
    BYTES     BIGINT       NOT NULL
);
