-- IRSP schema, version 4: where a session's client is, for the console's list of sessions: the address
-- of the login request, replaced by the WebSocket's address and port when the session is bound.
ALTER TABLE IRSP_SESSION ADD COLUMN CLIENTADDRESS VARCHAR(64);
CREATE INDEX IRSP_SESSION_ENDEDAT ON IRSP_SESSION (ENDEDAT);
