package io.logisync;

/** Starts logisync on Camel Main. */
public final class Application {
    public static void main(String[] args) throws Exception {
        org.apache.camel.main.Main main = new org.apache.camel.main.Main(Application.class);
        main.run(args);
    }
}
