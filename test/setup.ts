// Tests run in-process against in-memory databases; nothing here touches data/.
process.env.NODE_ENV = "test";
