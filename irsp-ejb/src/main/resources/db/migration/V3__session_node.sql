-- IRSP schema, version 3: the node a session is bound on, so that several nodes can share the database.
-- A node that starts ends only the bindings it left (not its neighbours'), and the loss of a node ends its
-- bindings from a surviving one. Sessions bound before this column existed have none: the single node that
-- made them ends them at its next start.
ALTER TABLE IRSP_SESSION ADD COLUMN BOUNDNODE VARCHAR(64);
CREATE INDEX IRSP_SESSION_BOUNDNODE ON IRSP_SESSION (BOUNDNODE);
