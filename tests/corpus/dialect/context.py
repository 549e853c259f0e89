"""Context read through abi, as upstream contracts do."""

from stdlib import abi, context


def facts() -> list:
    return [
        abi.caller() == context.sender,
        abi.sender() == context.sender,
        abi.msg_sender() == context.sender,
        abi.block_height(),
        abi.block_number(),
        abi.block_timestamp(),
        abi.chain_id(),
        abi.contract_address() == context.address,
    ]


def who() -> bytes:
    return abi.caller()
