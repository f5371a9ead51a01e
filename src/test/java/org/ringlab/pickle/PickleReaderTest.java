package org.ringlab.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic interpreter: plain data in, what each format's rules allow, and bounded work. */
class PickleReaderTest {

    /** Plain data only, up to {@code protocol}. */
    private static PickleRules plain(int protocol) {
        return new PickleRules() {
            @Override
            public int maxProtocol() {
                return protocol;
            }

            @Override
            public Object global(String module, String name) {
                return null;
            }

            @Override
            public String why() {
                return "test";
            }
        };
    }

    private static byte[] bytes(int... codes) {
        byte[] b = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            b[i] = (byte) codes[i];
        }
        return b;
    }

    @Test
    void bytesAreDictKeysByContent() throws PickleException {
        // {b'ab': 1} in protocol 3, and a Python 2 str key 'ab' (SHORT_BINSTRING)
        Object p3 = PickleReader.read(bytes(0x80, 3, '}', 'C', 2, 'a', 'b', 'K', 1, 's', '.'), plain(3));
        Object p2 = PickleReader.read(bytes(0x80, 2, '}', 'U', 2, 'a', 'b', 'K', 1, 's', '.'), plain(2));
        PickleBytes key = PickleBytes.of(new byte[] {'a', 'b'});
        assertEquals(1L, ((Map<?, ?>) p3).get(key));
        assertEquals(1L, ((Map<?, ?>) p2).get(key));
    }

    @Test
    void opcodesOfLaterProtocolsAreRefused() {
        PickleException e = assertThrows(PickleException.class,
                () -> PickleReader.read(bytes(0x80, 2, 'C', 1, 'x', '.'), plain(2)));
        assertTrue(e.isRefused());
        assertEquals("opcode SHORT_BINBYTES (0x43) of protocol 3", e.detail());
        assertEquals(2, e.offset());
    }

    @Test
    void aGlobalOutsideTheRulesIsRefusedBeforeAnythingIsCalled() {
        byte[] pickle = bytes(0x80, 4, 0x8c, 2, 'o', 's', 0x8c, 6, 's', 'y', 's', 't', 'e', 'm', 0x93, 'N', 0x85, 'R', '.');
        PickleException e = assertThrows(PickleException.class, () -> PickleReader.read(pickle, plain(4)));
        assertEquals("global 'os.system'", e.detail());
        assertEquals(14, e.offset());
    }

    @Test
    void aPickleOfNothingButEmptyListsStopsAtTheValueCap() {
        byte[] pickle = new byte[PickleReader.MAX_VALUES + 3];
        Arrays.fill(pickle, (byte) ']');
        PickleException e = assertThrows(PickleException.class, () -> PickleReader.read(pickle, plain(2)));
        assertFalse(e.isRefused());
        assertEquals("the pickle builds more than " + PickleReader.MAX_VALUES + " values", e.detail());
        assertEquals(PickleReader.MAX_VALUES, e.offset());
    }

    @Test
    void framesAreReadThrough() throws PickleException {
        // protocol 4 as pickle.dumps([1, 2], protocol=4) writes it
        Object list = PickleReader.read(bytes(0x80, 4, 0x95, 9, 0, 0, 0, 0, 0, 0, 0, ']', 0x94, '(', 'K', 1, 'K', 2, 'e',
                '.'), plain(4));
        assertEquals(List.of(1L, 2L), list);
    }
}
